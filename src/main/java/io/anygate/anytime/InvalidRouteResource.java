package io.anygate.anytime;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/**
 * Catches every route no other resource serves, so that unknown routes (versioned or not) answer the Anytime
 * 4040010 envelope rather than a bare 404. Authentication is not asked first: an unknown route is unknown.
 */
@Path("/")
public class InvalidRouteResource {

    @GET
    @Path("{any: .*}")
    public Object get() {
        throw new NotFoundException();
    }

    @POST
    @Path("{any: .*}")
    public Object post() {
        throw new NotFoundException();
    }

    @PUT
    @Path("{any: .*}")
    public Object put() {
        throw new NotFoundException();
    }

    @DELETE
    @Path("{any: .*}")
    public Object delete() {
        throw new NotFoundException();
    }

    @PATCH
    @Path("{any: .*}")
    public Object patch() {
        throw new NotFoundException();
    }
}
